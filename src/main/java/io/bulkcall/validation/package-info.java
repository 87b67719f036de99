/**
 * The rules a row of an input file must pass to be dialed: phone number normalization to E.164
 * ({@link io.bulkcall.validation.PhoneNumberNormalizer}, on libphonenumber's rules read fast), duplicates ({@link io.bulkcall.validation.SeenNumbers}),
 * the do-not-call list ({@link io.bulkcall.validation.DoNotCallList}), the step's processor
 * ({@link io.bulkcall.validation.RowScreener}), the layout of {@code rejected.csv}
 * ({@link io.bulkcall.validation.RejectedRowFormat}) and stand-alone validation of a file
 * ({@link io.bulkcall.validation.FileValidation}).
 */
package io.bulkcall.validation;
