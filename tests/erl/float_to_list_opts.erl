-module(float_to_list_opts).
-export([main/0]).

%% float_to_list/1,2 and float_to_binary/1,2 with every option.

main() ->
    Vs = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 3.141592653589793, 1.0e10, 1.0e22, 1.0e23, 123456.789, 1.0e-10,
          2.0e-308, 5.0e-324, 1.7976931348623157e308, 0.3, 100.0, 2.5, -2.5e-5],
    Opts = [[], [{decimals, 0}], [{decimals, 2}], [{decimals, 4}, compact], [{decimals, 20}],
            [{scientific, 0}], [{scientific, 3}], [{scientific, 10}], [short], [compact]],
    [begin
         io:format("~s~n", [float_to_list(V)]),
         [io:format("  ~w ~s~n", [O, fmt(V, O)]) || O <- Opts]
     end || V <- lists:sublist(Vs, 9)],
    [io:format("~w: ~s ~s ~s~n", [V, float_to_list(V), float_to_list(V, [short]), fmt(V, [{decimals, 3}])])
     || V <- lists:nthtail(9, Vs)],
    io:format("~s~n", [float_to_list(1.0e100, [{decimals, 5}])]),
    io:format("~p~n", [t(fun() -> float_to_list(1, []) end)]),
    io:format("~p~n", [t(fun() -> float_to_list(1.0, [{decimals, 254}]) end)]),
    io:format("~p~n", [t(fun() -> float_to_list(1.0, [{decimals, 253}]) end) =/= error]),
    io:format("~p~n", [t(fun() -> float_to_list(1.0, [{scientific, 250}]) end)]),
    io:format("~p~n", [t(fun() -> float_to_list(1.0, [bogus]) end)]),
    ok.

fmt(V, O) -> try float_to_list(V, O) catch C:R -> io_lib:format("~w", [{C, R}]) end.
t(F) -> try F() catch C:R -> {C, R} end.
