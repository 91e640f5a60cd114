package io.zeroapi.autoconfigure.actuate;

import io.zeroapi.lifecycle.ZeroServerEvent;
import io.zeroapi.lifecycle.ZeroServerStartedEvent;
import io.zeroapi.lifecycle.ZeroServerStoppingEvent;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Makes the application refuse traffic ({@link ReadinessState#REFUSING_TRAFFIC}) as soon as the Zero server begins
 * to drain, so that a load balancer or Kubernetes stops routing calls to it; accepts traffic again if the server
 * starts again afterwards (a context that was stopped and started). The first start leaves readiness to Spring Boot,
 * which accepts traffic once the application is ready.
 */
final class ZeroServerReadinessListener implements ApplicationListener<ZeroServerEvent> {

    private final ApplicationEventPublisher publisher;

    private volatile boolean refused;

    ZeroServerReadinessListener(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onApplicationEvent(ZeroServerEvent event) {
        if (event instanceof ZeroServerStoppingEvent) {
            refused = true;
            AvailabilityChangeEvent.publish(publisher, event.getServer(), ReadinessState.REFUSING_TRAFFIC);
        }
        else if (event instanceof ZeroServerStartedEvent && refused) {
            refused = false;
            AvailabilityChangeEvent.publish(publisher, event.getServer(), ReadinessState.ACCEPTING_TRAFFIC);
        }
    }
}
