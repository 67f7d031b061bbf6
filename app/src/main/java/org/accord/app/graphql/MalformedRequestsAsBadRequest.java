package org.accord.app.graphql;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * A body that is not a GraphQL request at all (JSON that does not parse, a query that is not a string, a media type
 * the endpoint does not read) is refused by Spring before GraphQL sees it, with a plain HTTP error page. Clients get
 * the same shape as every other refusal instead: a GraphQL error classified BAD_REQUEST, and no parser's words.
 */
@RestControllerAdvice
public class MalformedRequestsAsBadRequest {

    static final String NOT_A_REQUEST = "the body is not a GraphQL request: send a JSON object such as"
            + " {\"query\": \"{ me { id } }\", \"variables\": {}}";

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return badRequest(HttpStatus.BAD_REQUEST, NOT_A_REQUEST);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> unsupported(HttpMediaTypeNotSupportedException e) {
        return badRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the request as application/json");
    }

    /** A JSON object that is no GraphQL request either, such as one without a query. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<String> notAGraphQlRequest(ServerWebInputException e) {
        return badRequest(HttpStatus.BAD_REQUEST, NOT_A_REQUEST);
    }

    static ResponseEntity<String> badRequest(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json(message));
    }

    static String json(String message) {
        return "{\"errors\":[{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}";
    }
}
