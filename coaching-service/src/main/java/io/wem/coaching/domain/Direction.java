package io.wem.coaching.domain;

/** Which way the metric must move for the behavior to count as improved. */
public enum Direction {
    DECREASE(-1), INCREASE(1);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** +1 or -1: multiplies a raw change so that "better" is always positive. */
    public int sign() {
        return sign;
    }
}
