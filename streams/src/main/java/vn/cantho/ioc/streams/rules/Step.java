package vn.cantho.ioc.streams.rules;

import java.util.List;

/** Result of one evaluation: the state to store and the events to publish, in order. */
public record Step(ConditionState state, List<Transition> transitions) {

    public Step {
        transitions = List.copyOf(transitions);
    }
}
