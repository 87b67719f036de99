package io.bulkcall.validation;

import io.bulkcall.config.BulkcallProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The number rules as beans, built from {@code bulkcall.validation.*}. The do-not-call list is read
 * once at start-up, so a broken list stops the run before any file is read.
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

    @Bean
    PhoneNumberNormalizer phoneNumberNormalizer(BulkcallProperties properties) {
        return new PhoneNumberNormalizer(properties.validation().defaultRegion());
    }

    @Bean
    DoNotCallList doNotCallList(BulkcallProperties properties, PhoneNumberNormalizer phoneNumberNormalizer) {
        var file = properties.validation().doNotCallFile();
        return file == null ? DoNotCallList.empty() : DoNotCallList.load(file, phoneNumberNormalizer);
    }

    @Bean
    FileValidation fileValidation(PhoneNumberNormalizer phoneNumberNormalizer, DoNotCallList doNotCallList) {
        return new FileValidation(phoneNumberNormalizer, doNotCallList);
    }
}
