package io.bulkcall.validation;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.input.InputFiles;
import io.bulkcall.time.StopSignal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The number rules as beans, built from {@code bulkcall.validation.*}. The do-not-call list is read
 * once at start-up, so a broken list stops the run before any file is read.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    PhoneNumberNormalizer phoneNumberNormalizer(BulkcallProperties properties) {
        return new PhoneNumberNormalizer(properties.validation().defaultRegion());
    }

    @Bean
    DoNotCallList doNotCallList(BulkcallProperties properties, PhoneNumberNormalizer phoneNumberNormalizer) {
        var file = properties.validation().doNotCallFile();
        try {
            return DoNotCallList.load(file, phoneNumberNormalizer);
        }
        catch (InputFileException broken) {
            // a list that cannot be read is a setting to fix, not an input file to reject
            throw new InvalidSettingException("bulkcall.validation.do-not-call-file", "is unusable: " + broken.getMessage());
        }
    }

    /**
     * The threads {@link NumberCheckingReader} reads and checks rows on: one per core but one, which the
     * thread that takes the rows (the step's, or the {@code validate} command's) needs for itself, and
     * which reads and checks rows too whenever the next ones it needs are not checked yet. So every core
     * checks numbers when nothing else needs it, and on a two-core machine the thread that takes the rows
     * never takes turns with two checking threads.
     */
    @Bean
    ThreadPoolTaskExecutor numberCheckExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        executor.setThreadNamePrefix("number-check-");
        executor.setDaemon(true);
        return executor;
    }

    /** Opens input files as {@code bulkcall.input.*} says: the job's {@code validate} step and {@code bulkcall validate} alike. */
    @Bean
    InputFiles inputFiles(BulkcallProperties properties) {
        return new InputFiles(properties.input());
    }

    @Bean
    FileValidation fileValidation(InputFiles inputFiles, PhoneNumberNormalizer phoneNumberNormalizer,
            DoNotCallList doNotCallList, Executor numberCheckExecutor, BulkcallProperties properties, Clock clock,
            ContactLimits contactLimits, StopSignal stopSignal) {
        return new FileValidation(inputFiles,
                () -> RowChecker.of(phoneNumberNormalizer, properties.callingWindow(), clock.instant(), contactLimits),
                (file, header) -> SentColumns.of(file, header, properties), doNotCallList, numberCheckExecutor,
                stopSignal);
    }
}
