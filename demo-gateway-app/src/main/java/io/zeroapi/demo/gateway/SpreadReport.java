package io.zeroapi.demo.gateway;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /demo/spread} reports: how the gateway's client spread a burst of calls over the service
 * instances, how many calls each instance has served in all, and the state of the connection to each server.
 *
 * @param calls calls sent in the burst, all in flight at once
 * @param servedBy calls of the burst each instance served, by instance name
 * @param callsServed calls of any kind each instance has served since it started, by instance name
 * @param servers the client's connection to each server address, in the order of the address
 */
public record SpreadReport(int calls, Map<String, Integer> servedBy, Map<String, Long> callsServed,
        List<Server> servers) {

    /**
     * The client's connection to one server.
     *
     * @param address the server's address
     * @param status the connection's status ({@code CONNECTED}, {@code CONNECTING}, {@code LOST}, ...)
     */
    public record Server(String address, String status) {
    }
}
