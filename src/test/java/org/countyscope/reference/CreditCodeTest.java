package org.countyscope.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsPublishedCodes() {
        // Published on business licences and in the national enterprise credit system.
        for (String code : new String[] {"91350100M000100Y43", "914403001922038216", "91440300708461136T"}) {
            assertEquals(Optional.empty(), CreditCode.problem(code), code);
            assertTrue(CreditCode.isValid(code), code);
        }
    }

    @Test
    void rejectsWrongCheckChar() {
        assertEquals(Optional.of("校验位错误：应为3，实际4"), CreditCode.problem("91350100M000100Y44"));
        assertFalse(CreditCode.isValid("91350100M000100Y44"));
    }

    @Test
    void rejectsMutatedBodyChar() {
        // One changed body character must move the expected check char away from the printed one.
        assertFalse(CreditCode.isValid("91350100M000200Y43"));
    }

    @Test
    void rejectsWrongLength() {
        assertEquals(Optional.of("长度应为18位，实际17位"), CreditCode.problem("91350100M000100Y4"));
        assertEquals(Optional.of("长度应为18位，实际0位"), CreditCode.problem(""));
        assertEquals(Optional.of("长度应为18位，实际0位"), CreditCode.problem(null));
    }

    @Test
    void rejectsForbiddenCharacters() {
        assertEquals(Optional.of("含有不允许的字符：O"), CreditCode.problem("91350100O000100Y43"));
        assertEquals(Optional.of("含有不允许的字符：a"), CreditCode.problem("91350100a000100Y43"));
    }

    @Test
    void checkCharMatchesPublishedCode() {
        assertEquals('3', CreditCode.checkChar("91350100M000100Y4"));
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkChar("9135"));
    }

    @Test
    void organizationCheckDigitMatchesPublishedCode() {
        assertEquals('4', CreditCode.orgCheckDigit("M000100Y"));
        assertEquals('1', CreditCode.orgCheckDigit("19220382"));
        assertEquals('6', CreditCode.orgCheckDigit("70846113"));
    }

    @Test
    void makeBuildsValidCodesWithRegionAndOrgCheckDigit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < 8; j++) {
                body.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
            }
            String code = CreditCode.make('9', '1', "620881", body.toString());
            assertTrue(CreditCode.isValid(code), code);
            assertEquals("620881", code.substring(2, 8));
            assertEquals(CreditCode.orgCheckDigit(body.toString()), code.charAt(16));
        }
        assertThrows(IllegalArgumentException.class, () -> CreditCode.make('9', '1', "62088", "M000100Y"));
    }
}
