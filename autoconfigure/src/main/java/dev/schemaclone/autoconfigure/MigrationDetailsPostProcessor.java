package dev.schemaclone.autoconfigure;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Points a migration tool's own connection details at the context's clone: a
 * {@code @ServiceConnection} container gives the tool the container's URL, which would
 * otherwise migrate the container's default schema. Public for the tools' packages, which
 * give it their details' type.
 *
 * @param <T> the tool's connection details
 */
public final class MigrationDetailsPostProcessor<T> implements BeanPostProcessor {

	private final Class<T> type;

	private final Function<T, String> url;

	private final BiFunction<T, Supplier<String>, ? extends T> redirect;

	private final ObjectProvider<ContextSchema> contextSchema;

	/**
	 * Redirect the tool's details of one type.
	 * @param type the tool's connection details
	 * @param url reads the URL the details give
	 * @param redirect makes the details that give another URL, keeping the rest
	 * @param contextSchema the context's state
	 */
	public MigrationDetailsPostProcessor(Class<T> type, Function<T, String> url,
			BiFunction<T, Supplier<String>, ? extends T> redirect, ObjectProvider<ContextSchema> contextSchema) {
		this.type = type;
		this.url = url;
		this.redirect = redirect;
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.type.isInstance(bean) && !(bean instanceof RedirectedConnectionDetails)) {
			T details = this.type.cast(bean);
			if (this.url.apply(details) != null) {
				return this.redirect.apply(details,
						this.contextSchema.getObject().migrationUrl(() -> this.url.apply(details)));
			}
		}
		return bean;
	}

}
