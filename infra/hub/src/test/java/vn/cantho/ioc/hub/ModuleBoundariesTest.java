package vn.cantho.ioc.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rule of docs/architecture.md, checked on the shipped classes of every module at each build
 * ({@code mvn verify} runs it with the unit tests): {@code model} ← stages ← {@code infra}. Stages talk to each
 * other only through Kafka and the database, so no stage uses another; database access lives in {@code store},
 * which every stage may use; the simulator speaks only MQTT and HTTP and may use nothing but {@code model}.
 *
 * <p>The {@code sink} module has two layers: its loop ({@code vn.cantho.ioc.sink.loop}, the one Kafka → database
 * consumer loop) is a library below the stages, like {@code store}, used by the database sinks and by
 * {@code alerting}'s condition consumer; the database sinks themselves ({@code vn.cantho.ioc.sink}) are stages,
 * wired only by the launcher. The loop itself uses only {@code model}.
 *
 * <p>One relation is allowed on purpose: {@code api} calls {@code alerting}'s {@code AlertService}, the alert
 * lifecycle's command side, in-process — the API is that service's HTTP face, and running it apart would put a
 * second network hop in every operator action without making either side simpler.
 */
class ModuleBoundariesTest {

    private static JavaClasses shipped;

    @BeforeAll
    static void importShippedClasses() {
        shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.cantho.ioc");
    }

    @Test
    void each_module_uses_only_the_modules_below_it() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("model")
                .definedBy("vn.cantho.ioc.model..")
                .layer("store")
                .definedBy("vn.cantho.ioc.store..")
                .layer("sink loop")
                .definedBy("vn.cantho.ioc.sink.loop..")
                .layer("sinks")
                .definedBy("vn.cantho.ioc.sink")
                .layer("ingest")
                .definedBy("vn.cantho.ioc.ingest..")
                .layer("streams")
                .definedBy("vn.cantho.ioc.streams..")
                .layer("alerting")
                .definedBy("vn.cantho.ioc.alerting..")
                .layer("api")
                .definedBy("vn.cantho.ioc.api..")
                .layer("simulator")
                .definedBy("vn.cantho.ioc.simulator..")
                .layer("embedded")
                .definedBy("vn.cantho.ioc.embedded..")
                .layer("hub")
                .definedBy("vn.cantho.ioc.hub..")
                .whereLayer("hub")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("ingest")
                .mayOnlyBeAccessedByLayers("hub")
                .whereLayer("sinks")
                .mayOnlyBeAccessedByLayers("hub")
                .whereLayer("streams")
                .mayOnlyBeAccessedByLayers("hub")
                .whereLayer("alerting")
                .mayOnlyBeAccessedByLayers("api", "hub")
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("hub")
                .whereLayer("simulator")
                .mayOnlyBeAccessedByLayers("hub")
                .whereLayer("embedded")
                .mayOnlyBeAccessedByLayers("hub")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("ingest", "sinks", "alerting", "api", "hub")
                .whereLayer("sink loop")
                .mayOnlyBeAccessedByLayers("sinks", "alerting", "hub")
                .check(shipped);
    }

    @Test
    void the_model_depends_on_no_other_module() {
        noClasses()
                .that()
                .resideInAPackage("vn.cantho.ioc.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.cantho.ioc.store..",
                        "vn.cantho.ioc.sink..",
                        "vn.cantho.ioc.ingest..",
                        "vn.cantho.ioc.streams..",
                        "vn.cantho.ioc.alerting..",
                        "vn.cantho.ioc.api..",
                        "vn.cantho.ioc.simulator..",
                        "vn.cantho.ioc.embedded..",
                        "vn.cantho.ioc.hub..")
                .check(shipped);
    }

    @Test
    void the_sink_loop_uses_only_the_model() {
        noClasses()
                .that()
                .resideInAPackage("vn.cantho.ioc.sink.loop..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.cantho.ioc.store..",
                        "vn.cantho.ioc.ingest..",
                        "vn.cantho.ioc.streams..",
                        "vn.cantho.ioc.alerting..",
                        "vn.cantho.ioc.api..",
                        "vn.cantho.ioc.simulator..",
                        "vn.cantho.ioc.embedded..",
                        "vn.cantho.ioc.hub..")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("vn.cantho.ioc.sink")
                .check(shipped);
    }

    @Test
    void the_simulator_uses_nothing_but_the_model() {
        noClasses()
                .that()
                .resideInAPackage("vn.cantho.ioc.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.cantho.ioc.store..",
                        "vn.cantho.ioc.sink..",
                        "vn.cantho.ioc.ingest..",
                        "vn.cantho.ioc.streams..",
                        "vn.cantho.ioc.alerting..",
                        "vn.cantho.ioc.api..",
                        "vn.cantho.ioc.embedded..")
                .check(shipped);
    }
}
