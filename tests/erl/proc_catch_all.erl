%% catch_all.erl — seed example (c): a server whose receive ends with a
%% catch-all clause that logs unexpected messages instead of letting them
%% pile up in the mailbox.
-module(proc_catch_all).
-export([main/0]).

loop(Count) ->
    receive
        {add, N, From} -> From ! {sum, Count + N}, loop(Count + N);
        stop -> ok;
        Other -> io:format("unexpected message: ~p~n", [Other]), loop(Count)
    end.

main() ->
    S = spawn(fun() -> loop(0) end),
    S ! {add, 2, self()},
    receive {sum, A} -> io:format("sum ~p~n", [A]) end,
    S ! hello,
    S ! {some, "thing"},
    S ! {add, 3, self()},
    receive {sum, B} -> io:format("sum ~p~n", [B]) end,
    S ! stop.
