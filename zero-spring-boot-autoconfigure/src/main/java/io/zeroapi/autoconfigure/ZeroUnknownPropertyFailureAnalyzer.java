package io.zeroapi.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a startup that failed on configuration keys under {@code zero.} that Zero for Spring does not know (its
 * properties ignore no unknown field), and names the nearest key it knows: "did you mean zero.server.port?". Runs
 * before Boot's own analyzer of unbound properties, which names no key to use instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ZeroUnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    private static final ConfigurationPropertyName ZERO = ConfigurationPropertyName.of("zero");

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        Set<ConfigurationProperty> unknown = cause.getUnboundProperties();
        if (unknown.isEmpty() || !unknown.stream().allMatch(property -> ZERO.isAncestorOf(property.getName()))) {
            return null;
        }
        KnownZeroProperties known = KnownZeroProperties.load(getClass().getClassLoader());
        List<String> described = unknown.stream().map(ZeroUnknownPropertyFailureAnalyzer::describe).toList();
        List<String> actions = unknown.stream().map(property -> action(property.getName(), known)).toList();
        if (unknown.size() == 1) {
            return new FailureAnalysis("Zero for Spring has no configuration property " + described.get(0) + ".",
                    actions.get(0), cause);
        }
        return new FailureAnalysis("Zero for Spring has no configuration properties named:" + lines(described),
                "Correct or remove these keys:" + lines(actions), cause);
    }

    private static String describe(ConfigurationProperty property) {
        String name = KnownZeroProperties.display(property.getName());
        return (property.getOrigin() != null) ? name + " (origin: " + property.getOrigin() + ")" : name;
    }

    private static String action(ConfigurationPropertyName name, KnownZeroProperties known) {
        String key = KnownZeroProperties.display(name);
        String nearest = known.nearest(name);
        if (nearest != null) {
            return key + ": did you mean " + nearest + "?";
        }
        Map.Entry<String, List<String>> siblings = known.siblings(name);
        return key + ": remove it, or use one of the keys of " + siblings.getKey() + ": "
                + String.join(", ", siblings.getValue()) + ".";
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(line -> System.lineSeparator() + "    " + line).collect(Collectors.joining());
    }
}
