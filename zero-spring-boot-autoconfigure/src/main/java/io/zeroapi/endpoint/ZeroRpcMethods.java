package io.zeroapi.endpoint;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zeroapi.ZeroRpc;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * Finds the {@code @ZeroRpc} methods of a class (declared, inherited, or on its interfaces, with meta-annotations
 * merged), in the order they are declared in the source: class files keep that order, reflection does not, so the
 * order is read from the class files (a class whose file cannot be read keeps its methods sorted by name).
 */
public final class ZeroRpcMethods {

    private ZeroRpcMethods() {
    }

    /** Whether {@code type} has at least one {@code @ZeroRpc} method. */
    public static boolean hasAny(Class<?> type) {
        return !find(type).isEmpty();
    }

    /** The {@code @ZeroRpc} methods of {@code type} with their merged annotation, in declaration order. */
    public static Map<Method, ZeroRpc> find(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, ZeroRpc.class)) {
            return Map.of();
        }
        Map<Method, ZeroRpc> found = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<ZeroRpc>) method -> AnnotatedElementUtils
                    .findMergedAnnotation(method, ZeroRpc.class));
        if (found.size() < 2) {
            return found;
        }
        Map<String, Integer> order = declarationOrder(type);
        List<Method> methods = new ArrayList<>(found.keySet());
        methods.sort(Comparator.comparing((Method method) -> order.getOrDefault(method.getName(), Integer.MAX_VALUE))
            .thenComparing(Method::getName)
            .thenComparing(Method::toGenericString));
        Map<Method, ZeroRpc> sorted = new LinkedHashMap<>();
        methods.forEach(method -> sorted.put(method, found.get(method)));
        return sorted;
    }

    /** Position of each method name in the class files of {@code type} and its superclasses, class first. */
    private static Map<String, Integer> declarationOrder(Class<?> type) {
        Map<String, Integer> order = new HashMap<>();
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory(type.getClassLoader());
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                for (MethodMetadata method : readers.getMetadataReader(current.getName())
                    .getAnnotationMetadata()
                    .getDeclaredMethods()) {
                    order.putIfAbsent(method.getMethodName(), order.size());
                }
            }
            catch (IOException | RuntimeException ex) {
                return order;
            }
        }
        return order;
    }
}
