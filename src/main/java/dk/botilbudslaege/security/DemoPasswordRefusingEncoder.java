package dk.botilbudslaege.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/** Outside the local mode, the demo password never signs anyone in. */
final class DemoPasswordRefusingEncoder implements PasswordEncoder {

    static final String DEMO_PASSWORD = "demo";

    private final PasswordEncoder delegate;

    DemoPasswordRefusingEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (DEMO_PASSWORD.contentEquals(rawPassword)) {
            throw new IllegalArgumentException("The demo password is refused outside the local mode");
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return rawPassword != null
                && !DEMO_PASSWORD.contentEquals(rawPassword)
                && delegate.matches(rawPassword, encodedPassword);
    }
}
