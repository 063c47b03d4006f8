package org.netgauss.study;

import java.util.Locale;
import java.util.Map;

/**
 * How big an experiment a notebook runs: {@code SMOKE} (seconds; what CI executes), {@code QUICK} (minutes;
 * the default) or {@code PAPER} (the papers' sizes). Chosen by the environment variable
 * {@code NETGAUSS_PROFILE}, read once by {@link #current()} and then passed down as a value.
 *
 * <pre>{@code
 * var profile = Profile.current();
 * int members = profile.pick(8, 100, 1000);
 * }</pre>
 */
public enum Profile {
    SMOKE, QUICK, PAPER;

    /** The variable that selects the profile. */
    public static final String ENV = "NETGAUSS_PROFILE";

    /** The profile named by {@code NETGAUSS_PROFILE}, or {@code QUICK} when it is unset. */
    public static Profile current() {
        return from(System.getenv());
    }

    /** The profile named in {@code environment}; an unknown name is an error, not a silent default. */
    public static Profile from(Map<String, String> environment) {
        String name = environment.getOrDefault(ENV, "").strip();
        if (name.isEmpty()) {
            return QUICK;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "=" + name + " is not a profile: use smoke, quick or paper");
        }
    }

    /** The value for this profile among three given in the order smoke, quick, paper. */
    public <T> T pick(T smoke, T quick, T paper) {
        return switch (this) {
            case SMOKE -> smoke;
            case QUICK -> quick;
            case PAPER -> paper;
        };
    }

    /** {@link #pick(Object, Object, Object)} for ints, without boxing at the call site. */
    public int pick(int smoke, int quick, int paper) {
        return switch (this) {
            case SMOKE -> smoke;
            case QUICK -> quick;
            case PAPER -> paper;
        };
    }
}
