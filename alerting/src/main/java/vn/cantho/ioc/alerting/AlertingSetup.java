package vn.cantho.ioc.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.cantho.ioc.alerting.escalation.Escalation;
import vn.cantho.ioc.alerting.escalation.EscalationPolicy;
import vn.cantho.ioc.alerting.escalation.EscalationStep;
import vn.cantho.ioc.alerting.lifecycle.InhibitionRule;
import vn.cantho.ioc.alerting.notify.Receiver;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.alert.EscalationAction.Until;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * The readable configuration of alert handling: escalation policies and inhibition rules (the policy
 * file; the shipped default is {@code alerting/policies.json}) and webhook receivers (the receivers
 * file; none by default). Formats: {@code docs/alert-model.md} and {@code docs/notifications.md}.
 * Every fault is reported with the file and the entry it is in.
 */
public record AlertingSetup(Escalation escalation, List<InhibitionRule> inhibitions, Map<String, Receiver> receivers) {

    /** Class-path location of the shipped policy file. */
    public static final String DEFAULT_POLICIES = "/alerting/policies.json";

    public AlertingSetup {
        inhibitions = List.copyOf(inhibitions);
        receivers = Map.copyOf(receivers);
        for (var policy : escalation.policies()) {
            for (var step : policy.steps()) {
                for (String receiver : step.receivers()) {
                    if (!receivers.isEmpty() && !receivers.containsKey(receiver)) {
                        throw new IllegalArgumentException("escalation policy '" + policy.id() + "' names receiver '"
                                + receiver + "', which the receivers file does not define");
                    }
                }
            }
        }
    }

    /** The shipped policies, no receivers. */
    public static AlertingSetup defaults() {
        return load(Optional.empty(), Optional.empty(), System::getenv);
    }

    /**
     * Reads the policy file (empty = the shipped default) and the receivers file (empty = none);
     * {@code env} resolves a receiver's {@code secretEnv}.
     *
     * @throws IllegalArgumentException naming the file and entry at fault
     */
    public static AlertingSetup load(
            Optional<Path> policyFile, Optional<Path> receiversFile, Function<String, String> env) {
        JsonNode policies = policyFile.map(AlertingSetup::read).orElseGet(AlertingSetup::shipped);
        String policySource = policyFile.map(Path::toString).orElse("shipped " + DEFAULT_POLICIES);
        Map<String, Receiver> receivers =
                receiversFile.map(f -> receivers(read(f), f.toString(), env)).orElse(Map.of());
        try {
            return new AlertingSetup(
                    new Escalation(escalationPolicies(policies, policySource)),
                    inhibitions(policies, policySource),
                    receivers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(policySource + ": " + e.getMessage(), e);
        }
    }

    /** The source matchers of every inhibition rule: which active alerts can inhibit others. */
    public List<List<LabelMatcher>> inhibitionSources() {
        return inhibitions.stream().map(InhibitionRule::source).toList();
    }

    /** The same setup with other receivers (tests, and a hub whose receivers come from elsewhere). */
    public AlertingSetup withReceivers(List<Receiver> list) {
        Map<String, Receiver> byId = new LinkedHashMap<>();
        list.forEach(r -> byId.put(r.id(), r));
        return new AlertingSetup(escalation, inhibitions, byId);
    }

    /** The same setup with other escalation policies. */
    public AlertingSetup withPolicies(List<EscalationPolicy> policies) {
        return new AlertingSetup(new Escalation(policies), inhibitions, receivers);
    }

    private static List<EscalationPolicy> escalationPolicies(JsonNode root, String source) {
        List<EscalationPolicy> policies = new ArrayList<>();
        for (JsonNode p : root.path("escalation")) {
            String id = p.path("id").asText(null);
            try {
                List<EscalationStep> steps = new ArrayList<>();
                for (JsonNode s : p.path("steps")) {
                    List<String> receivers = new ArrayList<>();
                    s.path("receivers").forEach(r -> receivers.add(r.asText()));
                    steps.add(new EscalationStep(
                            duration(s.path("after").asText(null)),
                            Until.valueOf(s.path("unless").asText("?")),
                            s.path("level").asInt(0),
                            receivers));
                }
                policies.add(new EscalationPolicy(id, matchers(p.path("match")), steps));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("escalation policy '" + id + "': " + e.getMessage(), e);
            }
        }
        return policies;
    }

    private static List<InhibitionRule> inhibitions(JsonNode root, String source) {
        List<InhibitionRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("inhibitions")) {
            String name = r.path("name").asText(null);
            List<String> equal = new ArrayList<>();
            r.path("equal").forEach(e -> equal.add(e.asText()));
            try {
                rules.add(new InhibitionRule(name, matchers(r.path("source")), matchers(r.path("target")), equal));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("inhibition rule '" + name + "': " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static Map<String, Receiver> receivers(JsonNode root, String source, Function<String, String> env) {
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        for (JsonNode r : root.path("receivers")) {
            String id = r.path("id").asText(null);
            try {
                String secret = r.path("secret").asText(null);
                if (r.hasNonNull("secretEnv")) {
                    secret = env.apply(r.path("secretEnv").asText());
                    if (secret == null) {
                        throw new IllegalArgumentException(
                                "environment variable " + r.path("secretEnv").asText() + " (secretEnv) is not set");
                    }
                }
                Receiver receiver = new Receiver(
                        id,
                        URI.create(r.path("url").asText("")),
                        secret,
                        r.path("transitions").asBoolean(true));
                if (receivers.put(id, receiver) != null) {
                    throw new IllegalArgumentException("defined twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": receiver '" + id + "': " + e.getMessage(), e);
            }
        }
        return receivers;
    }

    private static List<LabelMatcher> matchers(JsonNode node) {
        List<LabelMatcher> matchers = new ArrayList<>();
        node.forEach(m -> matchers.add(LabelMatcher.parse(m.asText())));
        return matchers;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'after' must be an ISO-8601 duration such as PT15M, got " + text);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode shipped() {
        try (InputStream in = AlertingSetup.class.getResourceAsStream(DEFAULT_POLICIES)) {
            return Json.mapper().readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the shipped " + DEFAULT_POLICIES + " is missing or unreadable", e);
        }
    }
}
