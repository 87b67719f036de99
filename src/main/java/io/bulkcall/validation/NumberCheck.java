package io.bulkcall.validation;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * What {@link PhoneNumberNormalizer} made of a number cell: a number to dial, or the reason it is not one.
 */
sealed interface NumberCheck permits NumberCheck.Valid, NumberCheck.Invalid {

    /**
     * @param e164 the number in E.164, such as {@code +12125550143}
     * @param parsed the number as libphonenumber read it, for what else is told from it (its time zones)
     * @param type its type, as libphonenumber's {@code getNumberType} gives it: never
     *        {@link PhoneNumberType#UNKNOWN}, which is an invalid number's
     */
    record Valid(String e164, PhoneNumber parsed, PhoneNumberType type) implements NumberCheck {
    }

    /**
     * @param reason {@link RejectionReason#MISSING_NUMBER} or {@link RejectionReason#INVALID_NUMBER}
     * @param detail what is wrong, in words an operator can act on
     */
    record Invalid(RejectionReason reason, String detail) implements NumberCheck {
    }
}
