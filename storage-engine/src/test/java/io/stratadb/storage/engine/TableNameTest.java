package io.stratadb.storage.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableNameTest {

    @Test
    void acceptsOnlyLettersDigitsAndUnderscoreUpTo64() {
        assertTrue(StorageEngine.isValidTableName("a"));
        assertTrue(StorageEngine.isValidTableName("Users_2026"));
        assertTrue(StorageEngine.isValidTableName("x".repeat(64)));
        assertFalse(StorageEngine.isValidTableName("x".repeat(65)));
        assertFalse(StorageEngine.isValidTableName(""));
        assertFalse(StorageEngine.isValidTableName(null));
        for (String bad : new String[] {"a-b", "a b", "a.b", "../x", "é", "a/b", "a\u0000"}) {
            assertFalse(StorageEngine.isValidTableName(bad), bad);
        }
    }
}
