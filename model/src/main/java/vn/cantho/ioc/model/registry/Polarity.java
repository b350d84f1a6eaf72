package vn.cantho.ioc.model.registry;

/** Which way an indicator improves; what "off target" means for it. */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
