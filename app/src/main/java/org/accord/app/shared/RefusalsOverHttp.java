package org.accord.app.shared;

import org.accord.api.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal from a plain HTTP endpoint (the board pack, the decision log's export) as the status its kind means, with
 * the message as text. GraphQL's own refusals never reach here: they are GraphQL errors (DomainErrorResolver).
 */
@RestControllerAdvice
public class RefusalsOverHttp {

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> refused(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
