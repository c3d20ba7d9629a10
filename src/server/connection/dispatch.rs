//! The dispatch of each request to its handler, with the document it is
//! about checked as it stands.

use super::State;
use crate::server::{
    Open, Refusal, actions, annotations, completion, diagnostics, formatting, hover, navigation,
    symbols, tokens,
};
use lsp_server::{ErrorCode, Request, RequestId, Response};
use lsp_types::Uri;
use lsp_types::request::{self as req, Request as _};

impl State {
    pub(super) fn dispatch(&mut self, request: Request) -> Response {
        match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutting_down = true;
                Response::new_ok(request.id, ())
            }
            req::WorkspaceSymbolRequest::METHOD => {
                let id = request.id.clone();
                match request.extract(req::WorkspaceSymbolRequest::METHOD) {
                    Ok((_, params)) => Response::new_ok(id, self.workspace_symbols(&params)),
                    Err(_) => unreadable(id, req::WorkspaceSymbolRequest::METHOD),
                }
            }
            req::WorkspaceDiagnosticRequest::METHOD => {
                let id = request.id.clone();
                match request.extract(req::WorkspaceDiagnosticRequest::METHOD) {
                    Ok((_, params)) => Response::new_ok(id, self.workspace_diagnostics(&params)),
                    Err(_) => unreadable(id, req::WorkspaceDiagnosticRequest::METHOD),
                }
            }
            req::HoverRequest::METHOD => self.on::<req::HoverRequest>(
                request,
                |open, _, p| Ok(hover::hover(open, p.text_document_position_params.position)),
                |p| &p.text_document_position_params.text_document.uri,
            ),
            req::GotoDefinition::METHOD => self.on::<req::GotoDefinition>(
                request,
                |open, uri, p| {
                    Ok(
                        navigation::definition(open, uri, p.text_document_position_params.position)
                            .map(lsp_types::GotoDefinitionResponse::Scalar),
                    )
                },
                |p| &p.text_document_position_params.text_document.uri,
            ),
            req::References::METHOD => self.on::<req::References>(
                request,
                |open, uri, p| {
                    Ok(Some(navigation::references(
                        open,
                        uri,
                        p.text_document_position.position,
                        p.context.include_declaration,
                    )))
                },
                |p| &p.text_document_position.text_document.uri,
            ),
            req::DocumentHighlightRequest::METHOD => self.on::<req::DocumentHighlightRequest>(
                request,
                |open, _, p| {
                    Ok(Some(navigation::highlights(
                        open,
                        p.text_document_position_params.position,
                    )))
                },
                |p| &p.text_document_position_params.text_document.uri,
            ),
            req::PrepareRenameRequest::METHOD => self.on::<req::PrepareRenameRequest>(
                request,
                |open, _, p| navigation::prepare_rename(open, p.position).map(Some),
                |p| &p.text_document.uri,
            ),
            req::Rename::METHOD => self.on::<req::Rename>(
                request,
                |open, uri, p| {
                    navigation::rename(open, uri, p.text_document_position.position, &p.new_name)
                        .map(Some)
                },
                |p| &p.text_document_position.text_document.uri,
            ),
            req::DocumentSymbolRequest::METHOD => self.on::<req::DocumentSymbolRequest>(
                request,
                |open, _, _| {
                    Ok(Some(lsp_types::DocumentSymbolResponse::Nested(
                        symbols::outline(open),
                    )))
                },
                |p| &p.text_document.uri,
            ),
            req::FoldingRangeRequest::METHOD => self.on::<req::FoldingRangeRequest>(
                request,
                |open, _, _| Ok(Some(symbols::folding(open))),
                |p| &p.text_document.uri,
            ),
            req::Formatting::METHOD => self.on::<req::Formatting>(
                request,
                |open, _, _| formatting::format(open).map(Some),
                |p| &p.text_document.uri,
            ),
            req::RangeFormatting::METHOD => self.on::<req::RangeFormatting>(
                request,
                |open, _, p| formatting::format_range(open, p.range).map(Some),
                |p| &p.text_document.uri,
            ),
            req::SemanticTokensFullRequest::METHOD => self.on::<req::SemanticTokensFullRequest>(
                request,
                |open, _, _| Ok(Some(tokens::tokens(open, None).into())),
                |p| &p.text_document.uri,
            ),
            req::SemanticTokensRangeRequest::METHOD => self.on::<req::SemanticTokensRangeRequest>(
                request,
                |open, _, p| Ok(Some(tokens::tokens(open, Some(p.range)).into())),
                |p| &p.text_document.uri,
            ),
            req::InlayHintRequest::METHOD => {
                let shown = self.inlay_hints;
                self.on::<req::InlayHintRequest>(
                    request,
                    move |open, _, p| {
                        Ok(Some(if shown {
                            annotations::hints(open, p.range)
                        } else {
                            Vec::new()
                        }))
                    },
                    |p| &p.text_document.uri,
                )
            }
            req::CodeLensRequest::METHOD => self.on::<req::CodeLensRequest>(
                request,
                |open, _, _| Ok(Some(annotations::lenses(open))),
                |p| &p.text_document.uri,
            ),
            req::Completion::METHOD => {
                let snippets = self.snippets;
                self.on::<req::Completion>(
                    request,
                    move |open, _, p| {
                        let at = p.text_document_position.position;
                        Ok(completion::complete(open, at, snippets))
                    },
                    |p| &p.text_document_position.text_document.uri,
                )
            }
            req::CodeActionRequest::METHOD => {
                let rules_url = self.rules_url.clone();
                self.on::<req::CodeActionRequest>(
                    request,
                    move |open, uri, p| {
                        let only = p.context.only.as_deref();
                        Ok(Some(actions::actions(open, uri, p.range, only, &rules_url)))
                    },
                    |p| &p.text_document.uri,
                )
            }
            req::DocumentDiagnosticRequest::METHOD => {
                let rules_url = self.rules_url.clone();
                self.on::<req::DocumentDiagnosticRequest>(
                    request,
                    move |open, _, _| {
                        let items =
                            diagnostics::of_document(open.document, open.encoding, &rules_url);
                        Ok(pulled(items))
                    },
                    |p| &p.text_document.uri,
                )
            }
            _ => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("careplan does not answer {}", request.method),
            ),
        }
    }

    /// Answers a request of type `R` about one document with `handler`,
    /// given the document checked as it stands.
    fn on<R: req::Request>(
        &mut self,
        request: Request,
        handler: impl FnOnce(&Open<'_>, &Uri, R::Params) -> Result<R::Result, Refusal>,
        uri_of: fn(&R::Params) -> &Uri,
    ) -> Response {
        let id = request.id.clone();
        let params = match request.extract::<R::Params>(R::METHOD) {
            Ok((_, params)) => params,
            Err(_) => return unreadable(id, R::METHOD),
        };
        let uri = uri_of(&params).clone();
        let today = self.today.date();
        let Some(document) = self.documents.get_mut(uri.as_str()) else {
            return refuse(id, Refusal::not_open(&uri));
        };
        let configs = &mut self.configs;
        if document.ensure_checked(|uri| configs.options_for(uri, today)) {
            self.changed.insert(uri.as_str().to_owned());
        }
        let Some(session) = document.checked() else {
            return refuse(id, Refusal::not_open(&uri));
        };
        let open = Open {
            document,
            session,
            encoding: self.encoding,
        };
        match handler(&open, &uri, params) {
            Ok(result) => Response::new_ok(id, result),
            Err(refusal) => refuse(id, refusal),
        }
    }
}

/// The answer to a request whose parameters do not read.
fn unreadable(id: RequestId, method: &str) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        format!("careplan could not read the parameters of {method}"),
    )
}

fn refuse(id: RequestId, refusal: Refusal) -> Response {
    Response::new_err(id, ErrorCode::RequestFailed as i32, refusal.0)
}

/// A pulled report: every finding of the document.
fn pulled(items: Vec<lsp_types::Diagnostic>) -> lsp_types::DocumentDiagnosticReportResult {
    use lsp_types::*;
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: None,
                items,
            },
        },
    ))
}
