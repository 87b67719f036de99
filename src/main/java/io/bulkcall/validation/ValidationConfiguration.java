package io.bulkcall.validation;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.csv.InputFileException;

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
        try {
            return DoNotCallList.load(file, phoneNumberNormalizer);
        }
        catch (InputFileException broken) {
            // a list that cannot be read is a setting to fix, not an input file to reject
            throw new InvalidSettingException("bulkcall.validation.do-not-call-file", "is unusable: " + broken.getMessage());
        }
    }

    @Bean
    FileValidation fileValidation(PhoneNumberNormalizer phoneNumberNormalizer, DoNotCallList doNotCallList) {
        return new FileValidation(phoneNumberNormalizer, doNotCallList);
    }
}
