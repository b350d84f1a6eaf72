package vn.cantho.ioc.streams.rules.measure;

import java.util.OptionalDouble;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.Polarity;

/**
 * The measure of a {@code TARGET_GAP} rule: how far an indicator value misses its target, on the
 * bad side given by the indicator's polarity, in percent of the target (an on-time rate of 80 % against
 * a target of 95 % misses by 15.8 %). Meeting or beating the target gives 0 or less. A target of 0
 * has no percentage, so there the gap is the plain difference in the indicator's unit.
 */
public final class TargetGap {

    private TargetGap() {}

    /** Empty when the indicator has no target or no polarity. */
    public static OptionalDouble of(IndicatorDefinition definition, double value) {
        if (definition.target() == null || definition.polarity() == null) {
            return OptionalDouble.empty();
        }
        double target = definition.target();
        double shortfall = definition.polarity() == Polarity.HIGHER_IS_BETTER ? target - value : value - target;
        return OptionalDouble.of(target == 0 ? shortfall : shortfall / Math.abs(target) * 100);
    }
}
