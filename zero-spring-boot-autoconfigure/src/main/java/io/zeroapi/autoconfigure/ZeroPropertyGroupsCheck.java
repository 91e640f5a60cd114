package io.zeroapi.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.Environment;

/**
 * Fails startup on a key under {@code zero.} outside the groups Zero for Spring binds ({@code zero.server},
 * {@code zero.client}, {@code zero.clients}, {@code zero.codec}, {@code zero.observations}, {@code zero.discovery}),
 * such as {@code zero.serverr.port}, as each group fails on a key it does not know. Like Boot's check of unknown
 * fields, it skips system environment variables and system properties, which an application does not choose alone.
 */
final class ZeroPropertyGroupsCheck implements BeanFactoryPostProcessor {

    static final Set<String> GROUPS = Set.of("server", "client", "clients", "codec", "observations",
            "discovery");

    private static final ConfigurationPropertyName ZERO = ConfigurationPropertyName.of("zero");

    private final Environment environment;

    ZeroPropertyGroupsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        UnboundElementsSourceFilter chosenByTheApplication = new UnboundElementsSourceFilter();
        Set<ConfigurationProperty> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource names && chosenByTheApplication.apply(source)) {
                names.stream()
                    .filter(ZeroPropertyGroupsCheck::isOutsideTheGroups)
                    .map(names::getConfigurationProperty)
                    .forEach(property -> {
                        if (property != null) {
                            unknown.add(property);
                        }
                    });
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnboundConfigurationPropertiesException(unknown);
        }
    }

    private static boolean isOutsideTheGroups(ConfigurationPropertyName name) {
        return ZERO.isAncestorOf(name)
                && !GROUPS.contains(name.getElement(1, ConfigurationPropertyName.Form.UNIFORM));
    }
}
