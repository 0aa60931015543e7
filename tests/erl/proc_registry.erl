-module(proc_registry).
-export([main/0]).

%% register, whereis, unregister, sending to registered names, badarg cases.

main() ->
    P = spawn(fun() -> loop() end),
    true = register(girder_test_server, P),
    io:format("~p~n", [whereis(girder_test_server) =:= P]),
    girder_test_server ! {self(), ping},
    receive {pong, From} -> io:format("pong from registered: ~p~n", [From =:= P]) end,
    io:format("~p~n", [lists:member(girder_test_server, registered())]),
    io:format("~p~n", [t(fun() -> register(girder_test_server, self()) end)]),
    io:format("~p~n", [t(fun() -> register(undefined, self()) end)]),
    io:format("~p~n", [t(fun() -> no_such_registered_name ! hello end)]),
    true = unregister(girder_test_server),
    io:format("~p~n", [whereis(girder_test_server)]),
    io:format("~p~n", [t(fun() -> unregister(girder_test_server) end)]),
    P ! stop,
    ok.

loop() ->
    receive
        {From, ping} -> From ! {pong, self()}, loop();
        stop -> ok
    end.

t(F) -> try F() catch C:R -> {C, R} end.
