package org.accord.app.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The root address leads to the person's home page (what needs them now): it used to answer 401 with a password
 * challenge and then a JSON 404, so a person typing the address they were given had no way in. The page signs the
 * person in itself: signed out, it shows the sign-in form, and after signing in, the home page.
 */
@Controller
class RootAddress {

    @GetMapping("/")
    String pages() {
        return "redirect:/board/home.html";
    }
}
