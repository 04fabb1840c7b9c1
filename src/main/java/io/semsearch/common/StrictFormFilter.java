package io.semsearch.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On a method marked {@link StrictForm}, refuses a form part (a text field or a file) whose name its form bean does
 * not declare, so that a client never believes a field it sent (a misspelt name, a field of another version) was
 * applied. It runs once the form is read, before the method.
 */
public class StrictFormFilter {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @WithFormRead
    @ServerRequestFilter
    public void rejectUnknownFields(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(StrictForm.class)) {
            return;
        }
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return;
        }
        Set<String> fields = known.computeIfAbsent(method, StrictFormFilter::fieldsOf);
        Set<String> unknown = new TreeSet<>();
        form.forEach(name -> {
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new UnknownFormFieldException(unknown, fields);
        }
    }

    /** The {@code @RestForm} names of the method's {@code @BeanParam}. */
    static Set<String> fieldsOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (!parameter.isAnnotationPresent(BeanParam.class)) {
                continue;
            }
            for (Field field : parameter.getType().getDeclaredFields()) {
                RestForm form = field.getAnnotation(RestForm.class);
                if (form != null) {
                    names.add(form.value().isEmpty() ? field.getName() : form.value());
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(method + " is marked @StrictForm but has no @BeanParam with @RestForm "
                    + "fields");
        }
        return Set.copyOf(names);
    }

    /** Form parts the endpoint does not take. */
    public static class UnknownFormFieldException extends ApiException {

        private final List<Problem.FieldError> errors;

        UnknownFormFieldException(Set<String> unknown, Set<String> fields) {
            super(400, "Unknown field", "The form has " + (unknown.size() == 1 ? "a field" : "fields")
                    + " this endpoint does not know: '" + String.join("', '", unknown) + "'; known fields there: "
                    + String.join(", ", new TreeSet<>(fields)));
            List<Problem.FieldError> list = new ArrayList<>();
            String known = String.join(", ", new TreeSet<>(fields));
            for (String name : unknown) {
                list.add(new Problem.FieldError(name, "unknown field; known: " + known));
            }
            this.errors = List.copyOf(list);
        }

        @Override
        public List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
