package io.bulkcall.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * How {@link PhoneNumberNormalizer} reads a number and tells what it is: libphonenumber's
 * {@code parse} and {@code getNumberType}, whose answers this must give for every input.
 * {@link FastNumberReading} is the one the application uses. Implementations are thread-safe.
 */
interface NumberReading {

    /**
     * As libphonenumber's {@code parse}, or {@code parseAndKeepRawInput} when {@code keepRawInput},
     * with the default region the reading was made for.
     */
    PhoneNumber parse(String text, boolean keepRawInput) throws NumberParseException;

    /**
     * As libphonenumber's {@code getNumberType}: {@link PhoneNumberType#UNKNOWN} exactly when
     * {@code isValidNumber} says the number is not valid.
     */
    PhoneNumberType type(PhoneNumber number);
}
