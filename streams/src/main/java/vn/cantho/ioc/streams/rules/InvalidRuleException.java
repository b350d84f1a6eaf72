package vn.cantho.ioc.streams.rules;

import java.util.List;

/** A rule definition that cannot be evaluated; {@link #problems()} names the rule and field of each fault. */
public class InvalidRuleException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidRuleException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
