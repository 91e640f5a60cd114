package io.zeroapi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoGatewayApplicationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void shouldStart() {
        assertThat(context.getBean(DemoGatewayApplication.class)).isNotNull();
    }
}
