package org.accord.app.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The root address leads to the pages: it used to answer 401 with a password challenge and then a JSON 404, so a
 * person typing the address they were given had no way in. The pages sign the person in themselves.
 */
@Controller
class RootAddress {

    @GetMapping("/")
    String pages() {
        return "redirect:/board/";
    }
}
