package io.zeroapi.demo.service;

/**
 * What {@code served_by} answers: which service instance served the call, and how many calls it has served so far
 * (this one included). On the wire, {@code {"instance": "instance-a", "calls": 42}}.
 *
 * @param instance the instance's name, {@code demo.service.instance-name}
 * @param calls the calls of any function this instance has served so far
 */
public record ServedBy(String instance, long calls) {
}
