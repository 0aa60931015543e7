-module(std_base64).
-export([main/0]).

%% base64 encode/decode, url-safe-free OTP 25 API, mime decoding, errors.

main() ->
    Ins = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>, <<0, 255, 254, 253>>,
           list_to_binary(lists:seq(0, 255))],
    [begin
         E = base64:encode(I),
         io:format("~p ~p ~p~n", [E, base64:decode(E) =:= I, base64:encode_to_string(I) =:= binary_to_list(E)])
     end || I <- Ins],
    io:format("~p~n", [base64:decode("Zm9vYmFy")]),
    io:format("~p~n", [base64:decode_to_string(<<"Zm9v">>)]),
    io:format("~p~n", [base64:mime_decode(<<"Zm9v\r\nYmFy">>)]),
    io:format("~p~n", [base64:mime_decode(<<"Zm9v!!YmFy">>)]),
    io:format("~p~n", [base64:encode("string input")]),
    io:format("~p~n", [t(fun() -> base64:decode(<<"Zm9v!">>) end)]),
    io:format("~p~n", [t(fun() -> base64:decode(<<"Zm9">>) end)]),
    Big = << <<(I rem 251)>> || I <- lists:seq(1, 10000) >>,
    E = base64:encode(Big),
    io:format("~p ~p ~p~n", [byte_size(E), erlang:crc32(E), base64:decode(E) =:= Big]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
