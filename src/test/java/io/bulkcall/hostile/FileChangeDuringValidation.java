package io.bulkcall.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.bulkcall.validation.CheckedRow;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * A test hook that changes the file system at an exact point of the {@code validate} step: just
 * before the row on line {@code hostile.on-line} is screened, it truncates the file
 * {@code hostile.truncate} to {@code hostile.truncate-to} bytes, or deletes the file
 * {@code hostile.delete}. The step reads a whole chunk before it screens any of it, its reader reads
 * up to a thousand rows ahead, and the parser reads 64 KiB at a time, so with a file well past all
 * three the change lands while the file is still being read, every time.
 *
 * <p>Added to one run only, with {@code --spring.main.sources=io.bulkcall.hostile.FileChangeDuringValidation};
 * it has no stereotype annotation, so no component scan picks it up for any other test.
 */
public class FileChangeDuringValidation implements BeanPostProcessor, EnvironmentAware {

    /** The validate step's processor itself, not the step scope's proxy of it. */
    private static final String SCREENER = ScopedProxyUtils.getTargetBeanName("rowScreener");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!beanName.equals(SCREENER)) {
            return bean;
        }
        long onLine = environment.getRequiredProperty("hostile.on-line", Long.class);
        ProxyFactory screener = new ProxyFactory(bean);
        screener.setProxyTargetClass(true);
        screener.addAdvice((MethodInterceptor) screening -> {
            if (screening.getArguments().length == 1 && screening.getArguments()[0] instanceof CheckedRow row
                    && row.row().line() == onLine) {
                change();
            }
            return screening.proceed();
        });
        return screener.getProxy();
    }

    private void change() {
        try {
            String truncate = environment.getProperty("hostile.truncate");
            if (truncate != null) {
                try (FileChannel file = FileChannel.open(Path.of(truncate), StandardOpenOption.WRITE)) {
                    file.truncate(environment.getRequiredProperty("hostile.truncate-to", Long.class));
                }
            }
            String delete = environment.getProperty("hostile.delete");
            if (delete != null) {
                Files.delete(Path.of(delete));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
