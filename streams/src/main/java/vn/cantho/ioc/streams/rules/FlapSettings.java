package vn.cantho.ioc.streams.rules;

import java.time.Duration;

/**
 * Flap control of a rule. A flip is a move into FIRING (an episode opening, a re-trigger while
 * recovering) or out of it (recovering, resolving). More than {@code maxFlips} flips within
 * {@code window} make the alert flapping: it is held FIRING until its condition has stayed on one
 * side (breaching or clear) for {@code stableFor}.
 */
public record FlapSettings(int maxFlips, Duration window, Duration stableFor) {}
