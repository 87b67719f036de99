package io.bulkcall.testing;

/** A key that looks like a real one, so a test can search for it anywhere bulkcall writes. */
public final class TestKeys {

    public static final String API_KEY = "sk_car_TESTSECRET_5f3c9a1d7e2b4c6a";

    private TestKeys() {
    }
}
