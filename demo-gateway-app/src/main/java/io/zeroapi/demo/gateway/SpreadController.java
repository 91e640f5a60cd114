package io.zeroapi.demo.gateway;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zeroapi.ReactiveZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.demo.service.ServedBy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows how the {@code backend} client spreads calls over the service's instances: {@code calls} concurrent
 * {@code served_by} calls, counted by the instance that answered, with each instance's total and the state of the
 * connection to each server. With one instance everything goes to it; with the {@code two-instances} profile the
 * calls alternate between both.
 */
@RestController
@ConditionalOnBooleanProperty(name = "demo.gateway.enabled", matchIfMissing = true)
public class SpreadController {

    private static final int MAX_CALLS = 1000;

    private static final String CONNECTION = "backendZeroClientConnection";

    private final ReactiveZeroClient backend;

    private final BeanFactory beans;

    public SpreadController(@Qualifier("backend") ReactiveZeroClient backend, BeanFactory beans) {
        this.backend = backend;
        this.beans = beans;
    }

    @GetMapping("/demo/spread")
    public Mono<SpreadReport> spread(@RequestParam(defaultValue = "10") int calls) {
        if (calls < 1 || calls > MAX_CALLS) {
            return Mono.error(new IllegalArgumentException("calls must be 1.." + MAX_CALLS + ", got " + calls));
        }
        return Flux.range(0, calls)
            .flatMap(i -> backend.call("served_by", null, ServedBy.class), calls)
            .collectList()
            .map(answers -> report(calls, answers));
    }

    private SpreadReport report(int calls, List<ServedBy> answers) {
        Map<String, Integer> servedBy = new TreeMap<>();
        Map<String, Long> callsServed = new TreeMap<>();
        for (ServedBy answer : answers) {
            servedBy.merge(answer.instance(), 1, Integer::sum);
            callsServed.merge(answer.instance(), answer.calls(), Math::max);
        }
        List<SpreadReport.Server> servers = beans.getBean(CONNECTION, ZeroConnection.class)
            .states()
            .stream()
            .map(state -> new SpreadReport.Server(String.valueOf(state.address()), state.status().name()))
            .toList();
        return new SpreadReport(calls, servedBy, callsServed, servers);
    }
}
