package org.accord.app.boardpack;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The board's pages are static files under {@code /board/}; the folder itself opens the decision register. */
@Configuration(proxyBeanMethods = false)
public class BoardPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/board", "/board/index.html");
        registry.addRedirectViewController("/board/", "/board/index.html");
    }
}
