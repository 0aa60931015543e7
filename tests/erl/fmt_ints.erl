-module(fmt_ints).
-export([main/0]).

%% ~b ~B ~x ~X ~# ~+ with bases, widths, padding and negative numbers.

main() ->
    Ns = [0, 1, -1, 255, -255, 4096, 1 bsl 64, -(1 bsl 70) + 5],
    [io:format("|~b|~B|~.2B|~.8B|~.16B|~.16b|~.36B|~n", [N, N, N, N, N, N, N]) || N <- Ns],
    [io:format("|~.16x|~.16X|~.2x|~n", [N, "0x", N, "0x", N, "b"]) || N <- Ns],
    [io:format("|~.16#|~.2#|~.16+|~.8+|~n", [N, N, N, N]) || N <- Ns],
    io:format("|~10B|~-10B|~10.16B|~.16.0B|~10.._B|~n", [42, 42, 255, 255, 7]),
    io:format("|~8.2.0B|~-8.16.*B|~n", [5, $_, 255]),
    io:format("~p~n", [t(fun() -> io_lib:format("~B", [1.0]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~.1B", [1]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~.37B", [1]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
