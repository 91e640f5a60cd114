package io.zeroapi.codec;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Makes every constructor (record component) property required unless it is an {@code Optional} or annotated
 * {@code @Nullable} (any annotation of that simple name), so a missing map key fails like Zero's
 * {@code Object missing required field}; a renamed one ({@code @JsonProperty("start_time")}) too. An explicit
 * {@code @JsonProperty(isRequired = OptBoolean.FALSE)} or {@code required = true} still wins; {@code required = false}
 * is the annotation's default and cannot be told from it, so it does not make a component optional.
 */
final class RequiredCreatorPropertyIntrospector extends JacksonAnnotationIntrospector {

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
        if (!(member instanceof AnnotatedParameter parameter)) {
            return super.hasRequiredMarker(member);
        }
        Boolean explicit = explicitRequired(parameter);
        if (explicit != null) {
            return explicit;
        }
        Class<?> type = parameter.getRawType();
        if (type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
                || type == OptionalDouble.class || isNullable(parameter)) {
            return Boolean.FALSE;
        }
        return Boolean.TRUE;
    }

    /**
     * A {@code null} for a property that is neither {@code Optional}, {@code @Nullable} nor {@code Object} fails
     * like msgspec's {@code Expected `str`, got `null`}.
     */
    @Override
    public JsonSetter.Value findSetterInfo(Annotated annotated) {
        JsonSetter.Value explicit = super.findSetterInfo(annotated);
        if (explicit.nonDefaultValueNulls() != null || !(annotated instanceof AnnotatedParameter parameter)) {
            return explicit;
        }
        Class<?> type = parameter.getRawType();
        if (type == Object.class || type.isPrimitive() || Boolean.FALSE.equals(hasRequiredMarker(parameter))) {
            return explicit;
        }
        return explicit.withValueNulls(Nulls.FAIL);
    }

    private Boolean explicitRequired(AnnotatedParameter parameter) {
        JsonProperty property = _findAnnotation(parameter, JsonProperty.class);
        if (property == null) {
            return null;
        }
        if (property.isRequired() != OptBoolean.DEFAULT) {
            return property.isRequired().asBoolean();
        }
        return property.required() ? Boolean.TRUE : null;
    }

    private static boolean isNullable(AnnotatedParameter parameter) {
        for (Annotation annotation : parameter.getOwner().getAnnotated() instanceof java.lang.reflect.Executable executable
                ? executable.getParameterAnnotations()[parameter.getIndex()] : new Annotation[0]) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        for (Annotation annotation : executableTypeAnnotations(parameter)) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static Annotation[] executableTypeAnnotations(AnnotatedParameter parameter) {
        if (parameter.getOwner().getAnnotated() instanceof java.lang.reflect.Executable executable) {
            return executable.getAnnotatedParameterTypes()[parameter.getIndex()].getAnnotations();
        }
        return new Annotation[0];
    }
}
