-module(guard_types).
-export([main/0]).

%% Every is_* type test, inside guards and as plain BIF calls, over a set of values.

main() ->
    Vals = [1, 1 bsl 80, 1.5, a, true, "s", [], [a | b], {}, {a, b}, <<>>, <<1:3>>, #{}, fun() -> ok end,
            fun erlang:abs/1],
    Tests = [{is_atom, fun(X) when is_atom(X) -> true; (_) -> false end},
             {is_binary, fun(X) when is_binary(X) -> true; (_) -> false end},
             {is_bitstring, fun(X) when is_bitstring(X) -> true; (_) -> false end},
             {is_boolean, fun(X) when is_boolean(X) -> true; (_) -> false end},
             {is_float, fun(X) when is_float(X) -> true; (_) -> false end},
             {is_function, fun(X) when is_function(X) -> true; (_) -> false end},
             {is_function0, fun(X) when is_function(X, 0) -> true; (_) -> false end},
             {is_integer, fun(X) when is_integer(X) -> true; (_) -> false end},
             {is_list, fun(X) when is_list(X) -> true; (_) -> false end},
             {is_map, fun(X) when is_map(X) -> true; (_) -> false end},
             {is_number, fun(X) when is_number(X) -> true; (_) -> false end},
             {is_pid, fun(X) when is_pid(X) -> true; (_) -> false end},
             {is_port, fun(X) when is_port(X) -> true; (_) -> false end},
             {is_reference, fun(X) when is_reference(X) -> true; (_) -> false end},
             {is_tuple, fun(X) when is_tuple(X) -> true; (_) -> false end},
             {is_record, fun(X) when is_record(X, a, 2) -> true; (_) -> false end}],
    [io:format("~-14s ~w~n", [Name, [F(V) || V <- Vals]]) || {Name, F} <- Tests],
    io:format("~w~n", [[is_atom(V) || V <- Vals]]),
    io:format("~w~n", [[is_number(V) || V <- Vals]]),
    io:format("~w~n", [[is_function(V, 1) || V <- Vals]]),
    io:format("~w ~w ~w~n", [is_pid(self()), is_reference(make_ref()), is_port(self())]),
    ok.
