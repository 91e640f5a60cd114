package io.zeroapi.internal.netty;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TCP protocol runs on Netty's native epoll transport on Linux x86-64 (its library comes with the starter) and on
 * NIO elsewhere.
 */
class NettyLoopsTests {

    @Test
    void shouldUseEpollOnLinuxX86AndNioElsewhere() {
        boolean linuxX86 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertThat(NettyLoops.isEpoll()).isEqualTo(linuxX86);
        assertThat(NettyLoops.serverChannel())
            .isEqualTo(linuxX86 ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
    }

    @Test
    void shouldNameItsSingleThreadAndMakeItADaemonWhenAsked() throws Exception {
        EventLoopGroup group = NettyLoops.group("zero-test-loop", true);
        try {
            Thread thread = group.submit(Thread::currentThread).get();
            assertThat(thread.getName()).isEqualTo("zero-test-loop");
            assertThat(thread.isDaemon()).isTrue();
            assertThat(group.next()).isSameAs(group.next());
        }
        finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
