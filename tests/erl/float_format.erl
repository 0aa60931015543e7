-module(float_format).
-export([main/0]).

%% io:format float directives ~p ~w ~f ~e ~g with widths, precisions and padding.

main() ->
    Vs = [0.0, 1.0, -1.5, 3.141592653589793, 1.0e-7, 123456789.0, 1.0e100, 0.5, 2.5, 0.125, -0.001],
    [io:format("|~p|~w|~f|~e|~g|~n", [V, V, V, V, V]) || V <- Vs],
    [io:format("|~.2f|~.1f|~10.3f|~-10.3f|~.10f|~n", [V, V, V, V, V]) || V <- Vs],
    [io:format("|~.2e|~.10e|~15.4e|~-15.4e|~n", [V, V, V, V]) || V <- Vs],
    [io:format("|~.2g|~.10g|~15.4g|~-15.4g|~n", [V, V, V, V]) || V <- Vs],
    io:format("|~12.3.*f|~12.3.0f|~*.*f|~n", [$*, 2.5, -2.5, 9, 2, 1.005]),
    io:format("~p~n", [t(fun() -> io_lib:format("~.0f", [1.0]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~f", [5]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~f", [a]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~.1f", [1]) end)]),
    io:format("|~10p|~10w|~-10w|~n", [1.5, 2.25, 2.25]),
    io:format("~p~n", [t(fun() -> io_lib:format("~-10p", [1.5]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
