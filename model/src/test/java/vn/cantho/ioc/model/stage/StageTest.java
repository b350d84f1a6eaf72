package vn.cantho.ioc.model.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one shape of a hub stage: parts started in order, stopped in reverse, up only when all are. */
class StageTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void parts_start_in_order_and_stop_in_reverse() throws Exception {
        Stage stage = Stage.of("streams", part("app", true, false), part("sink", true, false));

        stage.start();
        stage.close();

        assertThat(events).containsExactly("start app", "start sink", "close sink", "close app");
    }

    @Test
    void a_part_that_fails_to_start_leaves_only_the_started_ones_to_close() {
        Stage stage =
                Stage.of("streams", part("app", true, false), part("sink", true, true), part("never", true, false));

        assertThatThrownBy(stage::start).hasMessageContaining("sink");
        stage.close();

        assertThat(events).containsExactly("start app", "start sink", "close sink", "close app");
    }

    @Test
    void the_stage_is_up_only_when_every_part_is_and_says_what_each_reports() {
        Stage stage = Stage.of("indicators", part("app", true, false), part("sink", false, false));

        assertThat(stage.check().up()).isFalse();
        assertThat(stage.check().detail()).isEqualTo("app fine; sink broken");
    }

    private Part part(String name, boolean up, boolean failsToStart) {
        return new Part() {
            @Override
            public void start() {
                events.add("start " + name);
                if (failsToStart) {
                    throw new IllegalStateException(name + " cannot start");
                }
            }

            @Override
            public void close() {
                events.add("close " + name);
            }

            @Override
            public Status check() {
                return new Status(up, name + (up ? " fine" : " broken"));
            }
        };
    }
}
