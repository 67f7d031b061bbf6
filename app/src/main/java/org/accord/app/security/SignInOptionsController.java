package org.accord.app.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ways in this Accord offers its pages ({@link SignInOptions}); public, like the pages themselves. */
@RestController
class SignInOptionsController {

    static final String PATH = "/signin/options";

    private final SignInOptions options;

    SignInOptionsController(SignInOptions options) {
        this.options = options;
    }

    @GetMapping(PATH)
    SignInOptions options() {
        return options;
    }
}
