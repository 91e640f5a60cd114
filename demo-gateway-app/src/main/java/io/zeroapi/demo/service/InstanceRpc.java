package io.zeroapi.demo.service;

import io.zeroapi.ZeroRpc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code served_by}: tells a caller which instance of the service answered, so a gateway spreading calls over
 * several instances can show the spread.
 */
@Component
@ConditionalOnBooleanProperty(name = "demo.service.enabled", matchIfMissing = true)
public class InstanceRpc {

    private final String instance;

    private final CallCounter counter;

    public InstanceRpc(@Value("${demo.service.instance-name:demo}") String instance, CallCounter counter) {
        this.instance = instance;
        this.counter = counter;
    }

    /** This instance's name and the calls it has served so far. */
    @ZeroRpc(value = "served_by", nonBlocking = true)
    public ServedBy servedBy() {
        return new ServedBy(instance, counter.calls());
    }
}
