package io.zeroapi.server;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * Recognizes a handler's bean-validation failure (a {@code ConstraintViolationException} from a {@code @Validated}
 * bean, or Spring's {@code MethodValidationException}) and describes its violations as {@code path: message}, so the
 * server answers Zero's validation error instead of a server exception. Jakarta Validation is optional.
 */
final class ValidationFailures {

    private static final boolean JAKARTA_VALIDATION = ClassUtils.isPresent(
            "jakarta.validation.ConstraintViolationException", ValidationFailures.class.getClassLoader());

    private ValidationFailures() {
    }

    /** The violations, sorted and joined with {@code "; "}, or {@code null} if {@code failure} is not one. */
    static String describe(Throwable failure) {
        List<String> violations = null;
        if (failure instanceof MethodValidationException validation) {
            violations = describe(validation);
        }
        else if (JAKARTA_VALIDATION) {
            violations = Jakarta.describe(failure);
        }
        if (violations == null || violations.isEmpty()) {
            return null;
        }
        violations.sort(null);
        return String.join("; ", violations);
    }

    private static List<String> describe(MethodValidationException validation) {
        List<String> violations = new ArrayList<>();
        for (ParameterValidationResult result : validation.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String path = (error instanceof FieldError field) ? field.getField()
                        : (parameter != null ? parameter : "arg" + result.getMethodParameter().getParameterIndex());
                violations.add(path + ": " + error.getDefaultMessage());
            }
        }
        return violations;
    }

    /** Touches Jakarta Validation's types only when it is on the class path. */
    private static final class Jakarta {

        static List<String> describe(Throwable failure) {
            if (!(failure instanceof ConstraintViolationException violation)) {
                return null;
            }
            List<String> violations = new ArrayList<>();
            for (ConstraintViolation<?> each : violation.getConstraintViolations()) {
                violations.add(each.getPropertyPath() + ": " + each.getMessage());
            }
            return violations;
        }
    }
}
