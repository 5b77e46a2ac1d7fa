package dk.botilbudslaege.support;

import dk.botilbudslaege.agreement.AgreementApproved;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Stands for a later listener of the module scenarios (the notifications): after the commit, from the
 * event publication registry, and failing once when told to. Its state is static: the bean is a proxy
 * (the listener runs asynchronously in a transaction of its own).
 */
@TestComponent
public class Notifications {

    public static final AtomicBoolean failNext = new AtomicBoolean();
    public static final AtomicInteger failures = new AtomicInteger();
    public static final List<Long> handled = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(AgreementApproved approved) {
        if (failNext.compareAndSet(true, false)) {
            failures.incrementAndGet();
            throw new IllegalStateException("the mail server is away");
        }
        handled.add(approved.agreementId());
    }
}
