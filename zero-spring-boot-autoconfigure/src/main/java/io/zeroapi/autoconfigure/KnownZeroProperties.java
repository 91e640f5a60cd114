package io.zeroapi.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.util.ClassUtils;

/**
 * The configuration keys of Zero for Spring, as its configuration metadata on the class path documents them
 * ({@code META-INF/spring-configuration-metadata.json}), and the one nearest to a key it does not know. A map whose
 * values are records, such as {@code zero.clients}, contributes the keys of its value type under the entry the
 * unknown key names ({@code zero.clients.users.address} for {@code zero.clients.users.adress}).
 */
final class KnownZeroProperties {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final Pattern MAP_TO = Pattern.compile("java\\.util\\.Map<java\\.lang\\.String,\\s*(.+)>");

    private final List<String> keys = new ArrayList<>();

    private final Map<String, List<String>> entryKeys = new LinkedHashMap<>();

    private KnownZeroProperties() {
    }

    /** The keys the metadata visible to {@code classLoader} documents under {@code zero.}. */
    static KnownZeroProperties load(ClassLoader classLoader) {
        KnownZeroProperties known = new KnownZeroProperties();
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> files = classLoader.getResources(METADATA);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    json.readTree(in).path("properties").forEach(property -> known.add(property, classLoader));
                }
            }
        }
        catch (IOException ex) {
            // without metadata there is no key to suggest
        }
        return known;
    }

    private void add(JsonNode property, ClassLoader classLoader) {
        String name = property.path("name").asText();
        if (!name.startsWith("zero.")) {
            return;
        }
        Matcher map = MAP_TO.matcher(property.path("type").asText());
        Class<?> values = (map.matches() && ClassUtils.isPresent(map.group(1), classLoader))
                ? ClassUtils.resolveClassName(map.group(1), classLoader) : null;
        if (values != null && values.isRecord()) {
            entryKeys.put(name, recordKeys(values, ""));
        }
        else if (!keys.contains(name)) {
            keys.add(name);
        }
    }

    private static List<String> recordKeys(Class<?> type, String prefix) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + DataObjectPropertyName.toDashedForm(component.getName());
            if (component.getType().isRecord()) {
                keys.addAll(recordKeys(component.getType(), key + "."));
            }
            else {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The known key nearest to {@code unknown}, or {@code null} if none is close enough to be a misspelling. */
    @Nullable String nearest(ConfigurationPropertyName unknown) {
        String written = display(unknown);
        String last = uniform(unknown.getLastElement(ConfigurationPropertyName.Form.ORIGINAL));
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : candidates(unknown)) {
            int distance = distance(uniform(written), uniform(candidate));
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return (best <= 3 && 2 * best < last.length()) ? nearest : null;
    }

    /**
     * The names one level below the longest ancestor of {@code unknown} that has known keys, e.g. {@code zero.server}
     * and {@code address, backlog, ..., heartbeat.*} for {@code zero.server.foo}.
     */
    Map.Entry<String, List<String>> siblings(ConfigurationPropertyName unknown) {
        List<String> candidates = candidates(unknown);
        entryKeys.keySet().forEach(map -> candidates.add(map + ".*"));
        for (int depth = unknown.getNumberOfElements() - 1; depth > 0; depth--) {
            String parent = display(unknown.chop(depth));
            String prefix = uniform(parent) + ".";
            TreeSet<String> below = new TreeSet<>();
            for (String candidate : candidates) {
                if (uniform(candidate).startsWith(prefix)) {
                    String rest = candidate.substring(endOf(candidate, prefix.length()));
                    int dot = rest.indexOf('.');
                    below.add((dot < 0) ? rest : rest.substring(0, dot) + ".*");
                }
            }
            if (!below.isEmpty()) {
                return Map.entry(parent, new ArrayList<>(below));
            }
        }
        return Map.entry("zero", List.of());
    }

    private List<String> candidates(ConfigurationPropertyName unknown) {
        List<String> candidates = new ArrayList<>(keys);
        entryKeys.forEach((map, entryKeys) -> {
            int depth = map.split("\\.").length;
            if (unknown.getNumberOfElements() > depth) {
                String entry = map + element(unknown, depth);
                entryKeys.forEach(key -> candidates.add(entry + "." + key));
            }
        });
        return candidates;
    }

    /** {@code name} as written (a camel-case element stays camel-case), with brackets where Boot needs them. */
    static String display(ConfigurationPropertyName name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            text.append((i == 0) ? name.getElement(0, ConfigurationPropertyName.Form.ORIGINAL) : element(name, i));
        }
        return text.toString();
    }

    private static String element(ConfigurationPropertyName name, int index) {
        String element = name.getElement(index, ConfigurationPropertyName.Form.ORIGINAL);
        boolean plain = !name.isNumericIndex(index) && element.matches("[A-Za-z0-9_-]+");
        return plain ? "." + element : "[" + element + "]";
    }

    /** The index in {@code key} after its first {@code uniformLength} characters that are not dashes. */
    private static int endOf(String key, int uniformLength) {
        int index = 0;
        for (int seen = 0; seen < uniformLength; index++) {
            if (key.charAt(index) != '-') {
                seen++;
            }
        }
        return index;
    }

    /** The form in which Boot compares names: lower case, without dashes. */
    private static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "");
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit ({@code prot} is 1 from {@code port}). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
