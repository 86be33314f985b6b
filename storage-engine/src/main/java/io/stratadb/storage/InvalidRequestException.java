package io.stratadb.storage;

/** The caller asked for something the engine refuses (oversized value, bad table name...). Nothing was written. */
public class InvalidRequestException extends StorageException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
