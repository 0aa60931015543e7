-module(exc_old_catch).
-export([main/0]).

%% Old-style catch: values, throws, and {'EXIT', Reason} for errors and exits.

main() ->
    io:format("~p~n", [catch 1 + 2]),
    io:format("~p~n", [catch throw(thrown)]),
    io:format("~p~n", [catch exit(exited)]),
    io:format("~p~n", [catch exit({shutdown, x})]),
    {'EXIT', {Reason, Stack}} = (catch error(oops)),
    io:format("~p ~p~n", [Reason, is_list(Stack)]),
    {'EXIT', {badarith, [{erlang, '+', Args, _} | _]}} = (catch id(1) + id(a)),
    io:format("~p~n", [Args]),
    {'EXIT', {{badmatch, V}, _}} = (catch begin 1 = id(2) end),
    io:format("~p~n", [V]),
    io:format("~p~n", [catch throw({'EXIT', fake})]),
    X = (catch lists:map(fun(I) when I < 3 -> I end, [1, 2])),
    io:format("~p~n", [X]),
    io:format("~p~n", [element(1, catch exit(self_exit))]),
    io:format("~p~n", [[catch throw(I) || I <- [1, 2, 3]]]),
    io:format("~p~n", [catch catch throw(double)]),
    ok.

id(X) -> X.
