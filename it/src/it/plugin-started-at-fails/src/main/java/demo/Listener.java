package demo;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A server: listens on a free port of 127.0.0.1, prints it, and serves nothing for {@code args[0]} seconds. */
public final class Listener {
  public static void main(String[] args) throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      System.out.println(socket.getLocalPort());
      System.out.flush();
      Thread.sleep((long) (Double.parseDouble(args[0]) * 1000));
    }
  }
}
